// Filter of a project's budget lines: any of some categories, and the lines of one partner.
($categories IS NULL OR n.category IN $categories)
AND ($partner IS NULL OR EXISTS { (n)-[:FOR]->(:Organization {id: $partner}) })
