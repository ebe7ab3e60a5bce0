"""Following topics and programs: in-app notifications, the digest page and daily mail."""
