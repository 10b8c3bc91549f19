# expect: DL3025:3
FROM node:20.11
ENTRYPOINT /docker-entrypoint.sh
