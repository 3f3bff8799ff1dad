// Effect of a status change that has none (a fragment of change_status): no notifications.
RETURN [] AS notices
