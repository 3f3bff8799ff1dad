"""EEN partnering opportunities: POD profile files imported as proposals, and territorial
proposals exported as POD profiles for international dissemination.

`pod` holds POD's vocabulary beside the platform's, `profiles` reads and checks profile files
(no DTDs, no entities), `mapping` turns keywords into sought competences and S3 areas
(`seeds/taxonomy/een_mapping.json`), `importer` writes one profile per transaction, `export`
writes profiles back, and `mutations` exposes the import and the dissemination mark.
"""
