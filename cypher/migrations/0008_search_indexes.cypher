// Full-text indexes behind `search`: the same texts analysed three ways, so that Italian words
// match across their forms (italian: stemming, elisions such as "l'attività"), English ones too
// (EEN profiles are in English), and spellings with and without accents match each other
// (standard-folding: "citta" finds "città", "nestle" finds "Nestlé"). Neo4j allows one
// full-text index per list of labels and properties in a given order, so each index lists the
// same properties in its own order. Updated in the writing transaction (not eventually
// consistent), so what was written is found at once.
CREATE FULLTEXT INDEX search_italian IF NOT EXISTS
FOR (n:User|Organization|Community|Proposal|Project|News|Discussion)
ON EACH [n.displayName, n.name, n.title, n.acronym, n.headline, n.summary, n.description, n.body, n.bio]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'italian', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX search_english IF NOT EXISTS
FOR (n:User|Organization|Community|Proposal|Project|News|Discussion)
ON EACH [n.bio, n.body, n.description, n.summary, n.headline, n.acronym, n.title, n.name, n.displayName]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX search_folded IF NOT EXISTS
FOR (n:User|Organization|Community|Proposal|Project|News|Discussion)
ON EACH [n.name, n.displayName, n.acronym, n.title, n.summary, n.headline, n.description, n.bio, n.body]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
