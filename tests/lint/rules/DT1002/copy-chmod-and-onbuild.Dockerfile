# expect: DT1002:3 DT1002:4
FROM debian:12
COPY --chmod=666 config.yaml /etc/app/
ONBUILD RUN chmod o+w /srv
