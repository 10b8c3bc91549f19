# expect-none: DT1003
FROM debian:12
RUN curl -fsSL https://example.com/sdk.tgz | tar -xz -C /opt
RUN echo "curl https://example.com | sh" > /notes.txt
