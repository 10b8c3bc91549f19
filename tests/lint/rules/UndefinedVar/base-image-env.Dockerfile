# expect-none: UndefinedVar
# golang sets GOPATH, which cannot be known without pulling the image.
FROM golang:1.23
ENV PATH=$GOPATH/bin:$PATH
