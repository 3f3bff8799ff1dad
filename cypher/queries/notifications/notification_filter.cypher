// Filter of a person's notifications, as Conditions (schema/loading.py): unread ones only
// when asked.
$unreadOnly AND n.readAt IS NULL
