// No two organizations share a VAT number (organizations without one are not concerned).
CREATE CONSTRAINT organization_vat_number IF NOT EXISTS FOR (n:Organization) REQUIRE n.vatNumber IS UNIQUE;
