"""Health: what a monitor or load balancer asks (`GET /healthz`)."""
