-- People who sign in. Only password hashes are stored (bcrypt, in Spring Security's {id}hash form).
-- roles is a comma-separated list of role ids (admin, planner, analyst).
CREATE TABLE accounts (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
