// The index delete_probe reads: made by the test session, not a migration (production data has
// no probe nodes).
CREATE INDEX test_probe IF NOT EXISTS FOR (n:Probe) ON (n.probe)
