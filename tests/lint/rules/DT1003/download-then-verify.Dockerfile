# expect-none: DT1003
FROM debian:12
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
 && echo "0123abcd  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
