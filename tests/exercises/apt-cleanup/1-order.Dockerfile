FROM debian:bookworm-slim

RUN apt-get update
RUN apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/*

COPY --chmod=755 check-site.sh /usr/local/bin/check-site
# nobody: the checks need no privileges.
USER 65534:65534
ENTRYPOINT ["check-site"]
CMD ["https://example.com"]
