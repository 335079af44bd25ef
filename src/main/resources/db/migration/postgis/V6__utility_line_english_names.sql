-- Utility lines get an English name like every other named work, so an English readiness reason names the line in
-- English ("the South Outer Ring Road West Extension water main is planned"), not in Chinese.
ALTER TABLE utility_lines ADD COLUMN name_en VARCHAR COLLATE "C";
