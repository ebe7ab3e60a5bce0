"""The outdated-advice queue: recommendations to review when a best practice they cite or
follow is superseded or retired."""
