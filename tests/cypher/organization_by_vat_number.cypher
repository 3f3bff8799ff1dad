// How many organizations have the VAT number $vatNumber.
RETURN COUNT { (:Organization {vatNumber: $vatNumber}) } AS organizations
