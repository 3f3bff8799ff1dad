// Filter of a project's results by kind.
$kinds IS NULL OR n.kind IN $kinds
