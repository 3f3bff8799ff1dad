.id, .title, .dueDate, .reachedAt
