// Give proposal $id the external reference $reference (a territorial proposal that already
// holds one, as if EEN had listed it).
MATCH (p:Proposal {id: $id})
SET p.externalRef = $reference
