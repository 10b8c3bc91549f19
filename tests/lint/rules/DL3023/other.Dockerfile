# expect-none: DL3023
FROM debian:12 AS build
FROM debian:12 AS app
COPY --from=build /x /y
