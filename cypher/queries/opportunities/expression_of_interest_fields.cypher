.id, .contribution, .message, .status, .createdAt
