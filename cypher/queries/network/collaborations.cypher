// The collaborations of `actor` with `other`: the projects `n` both are tied to by `tie`
// (PARTNER_IN for organizations, WORKS_ON for people) as confirmed partners, in the window
// asked (`window`, on `n`), `other` being an actor of the same `label` whom the viewer may
// see (`visible`, the label's rule on `other`). A pattern and its WHERE, placed by
// queries/network/collaborators after MATCH; the placeholders are filled by the code
// (schema/network/collaborators.py).
(actor)-[mine:{{tie}}]->(n:Project)<-[theirs:{{tie}}]-(other:{{label}})
WHERE other <> actor
  AND {{rule network/tie_confirmed(mine)}} AND {{rule network/tie_confirmed(theirs)}}
  AND {{window}} AND {{visible}}
