.id, .name, .nameIt
