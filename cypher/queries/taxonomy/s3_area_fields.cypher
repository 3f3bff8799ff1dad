.id, .code, .nameIt, .nameEn, .period
