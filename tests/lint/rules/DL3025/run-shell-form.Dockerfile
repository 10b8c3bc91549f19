# expect-none: DL3025
FROM node:20.11
RUN node --version
