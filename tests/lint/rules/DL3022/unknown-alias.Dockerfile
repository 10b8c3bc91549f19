# expect: DL3022:3
FROM debian:12
COPY --from=builder /out /app
