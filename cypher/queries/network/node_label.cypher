// What a graph view writes on node `n` of the network: a person's display name, an
// organization's or a community's name, a project's acronym (its title when it has none).
CASE
  WHEN n:User THEN n.displayName
  WHEN n:Project THEN coalesce(n.acronym, n.title)
  ELSE n.name
END
