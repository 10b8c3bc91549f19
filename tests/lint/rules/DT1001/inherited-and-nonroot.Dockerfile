# expect-none: DT1001
FROM gcr.io/distroless/static-debian12:nonroot AS base
FROM debian:12 AS runtime
USER 10001:10001
FROM runtime
CMD ["/app"]
