"""Events: the log of committed changes, and the subscriptions that deliver it."""
