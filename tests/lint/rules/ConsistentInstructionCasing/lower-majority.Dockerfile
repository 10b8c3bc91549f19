# expect: ConsistentInstructionCasing:5
from alpine:3.20
run echo hello > /greeting.txt
workdir /app
COPY . .
