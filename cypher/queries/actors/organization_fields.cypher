.id, .name, .kind, .legalForm, .vatNumber, .city, .province, .country, .website, .description,
.foundedYear,
followerCount: COUNT { (n)<-[:FOLLOWS]-() }
