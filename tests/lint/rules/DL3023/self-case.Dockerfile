# expect: DL3023:3
FROM debian:12 AS Build
COPY --from=build /x /y
