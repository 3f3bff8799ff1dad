// Filter of a webhook's deliveries, as Conditions (schema/loading.py): of one status when
// asked.
n.status = $status
