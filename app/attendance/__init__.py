"""Who attended each session, for how long, and the CME credit that earns."""
