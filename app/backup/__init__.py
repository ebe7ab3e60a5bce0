"""Backups of an instance's database, and restoring one into an empty instance."""
