// The organization collaboration network of one S3 area within a time window, as the
// consortia that make it: for each project tagged with the area whose run overlaps the window
// and that has at least two partner organizations, the ids of its partners. Two organizations
// collaborated when they are partners in the same such project; schema/network/metrics_graph.py
// weighs each pair by the projects they share. A project without a start (end) date, and a
// window without `$since` (`$until`), leave that side open. The consortia come back only when
// the network has at most `$maxOrganizations` organizations; beyond, the counts say how large
// it is. `area` is the S3 area's projection, placed by the code.
MATCH (area:S3Area {id: $s3Area})
CALL (area) {
  MATCH (area)<-[:TAGGED]-(project:Project)
  WHERE ($since IS NULL OR project.endDate IS NULL OR project.endDate >= $since)
    AND ($until IS NULL OR project.startDate IS NULL OR project.startDate <= $until)
  WITH project, COLLECT { MATCH (project)<-[:PARTNER_IN]-(partner:Organization)
                          RETURN DISTINCT partner.id } AS partners
  WHERE size(partners) > 1
  RETURN collect(partners) AS consortia
}
CALL (consortia) {
  UNWIND consortia AS partners
  UNWIND partners AS partner
  RETURN count(DISTINCT partner) AS organizations
}
RETURN area { {{area}} } AS area, size(consortia) AS projects, organizations,
       CASE WHEN organizations <= $maxOrganizations THEN consortia ELSE [] END AS consortia
