// Webhooks (schema/webhooks, app/webhooks.py): endpoints found by id (the API, the dispatcher's
// statements) and deliveries by id (`<webhook global id>-<seq>`, the Webhook-Id header, merged
// on each attempt); a webhook's deliveries are listed by seq through its relationships.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
