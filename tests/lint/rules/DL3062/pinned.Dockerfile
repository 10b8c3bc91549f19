# expect-none: DL3062
FROM golang:1.22
RUN go install golang.org/x/tools/gopls@v0.15.2
