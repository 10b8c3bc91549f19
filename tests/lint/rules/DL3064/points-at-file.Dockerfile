# expect-none: DL3064
FROM postgres:16
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db
