# expect-none: DL3022
FROM golang:1.22 AS build
FROM debian:12
COPY --from=build /out /app
COPY --from=0 /out /app2
