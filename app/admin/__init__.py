"""The admin console: accounts, programs, the topic vocabulary and audit pages."""
