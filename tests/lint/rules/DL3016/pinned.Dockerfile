# expect-none: DL3016
FROM node:20.11
RUN npm install -g typescript@5.3.3 @angular/cli@17.1.0 ./lib git+https://example.com/x.git
