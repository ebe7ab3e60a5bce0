"""The coordinator's session desk: upcoming agendas, overdue items, the experts'
recommendations per presented case, and sending them to the presenter as one letter."""
