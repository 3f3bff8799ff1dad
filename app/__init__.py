"""The ASGI application of Open Innovation Graph: settings, driver, context, errors and routes."""
