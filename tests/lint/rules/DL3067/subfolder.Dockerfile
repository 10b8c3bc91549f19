# expect-none: DL3067
FROM debian:12 AS build
FROM scratch
COPY --from=build /out /
