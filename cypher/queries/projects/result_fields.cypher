.id, .title, .kind, .date, .description
