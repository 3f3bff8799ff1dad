.id, .scheme, .code, .label
