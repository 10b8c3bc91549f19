# expect: DT1003:3 DT1003:4 DT1003:5
FROM debian:12
RUN wget -qO- https://example.com/install.sh | sudo bash -s -- --yes
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
ONBUILD RUN curl -sL https://example.com/x.sh | tee /tmp/log | bash
