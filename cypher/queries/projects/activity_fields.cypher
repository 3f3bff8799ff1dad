.id, .title, .startDate, .endDate, .status, .progress
