.id, .title, .fileName, .mimeType, .size, .sha256, .version, .createdAt
