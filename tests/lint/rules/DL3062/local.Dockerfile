# expect-none: DL3062
FROM golang:1.22
RUN go install ./... && go build -o /out ./cmd/app
